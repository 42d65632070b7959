using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Translations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PageRevisions_PageId_Number",
                table: "PageRevisions");

            migrationBuilder.AddColumn<string>(
                name: "Culture",
                table: "PageRevisions",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.CreateTable(
                name: "FaqTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FaqEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaqTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FaqTranslations_FaqEntries_FaqEntryId",
                        column: x => x.FaqEntryId,
                        principalTable: "FaqEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PageTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PageTranslations_Pages_PageId",
                        column: x => x.PageId,
                        principalTable: "Pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PageRevisions_PageId_Culture_Number",
                table: "PageRevisions",
                columns: new[] { "PageId", "Culture", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FaqTranslations_FaqEntryId_Culture",
                table: "FaqTranslations",
                columns: new[] { "FaqEntryId", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PageTranslations_PageId_Culture",
                table: "PageTranslations",
                columns: new[] { "PageId", "Culture" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaqTranslations");

            migrationBuilder.DropTable(
                name: "PageTranslations");

            migrationBuilder.DropIndex(
                name: "IX_PageRevisions_PageId_Culture_Number",
                table: "PageRevisions");

            migrationBuilder.DropColumn(
                name: "Culture",
                table: "PageRevisions");

            migrationBuilder.CreateIndex(
                name: "IX_PageRevisions_PageId_Number",
                table: "PageRevisions",
                columns: new[] { "PageId", "Number" },
                unique: true);
        }
    }
}
