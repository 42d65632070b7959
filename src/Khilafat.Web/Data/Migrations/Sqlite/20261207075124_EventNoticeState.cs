using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventNoticeState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NoticeState",
                table: "Events",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NoticeState",
                table: "Events");
        }
    }
}
