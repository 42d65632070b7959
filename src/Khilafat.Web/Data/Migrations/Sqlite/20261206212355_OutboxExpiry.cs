using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "OutboxMessages");
        }
    }
}
