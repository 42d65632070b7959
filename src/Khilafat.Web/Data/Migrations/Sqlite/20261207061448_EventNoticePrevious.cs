using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventNoticePrevious : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NoticePreviousEndsAt",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoticePreviousNumber",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NoticePreviousPlace",
                table: "Events",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NoticePreviousStartsAt",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoticePreviousTimeZone",
                table: "Events",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NoticePreviousEndsAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "NoticePreviousNumber",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "NoticePreviousPlace",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "NoticePreviousStartsAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "NoticePreviousTimeZone",
                table: "Events");
        }
    }
}
