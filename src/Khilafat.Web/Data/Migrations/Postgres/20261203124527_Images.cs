using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Images : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LeadImageId",
                table: "Updates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadImageId",
                table: "Pages",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MediaImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Alt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AltAr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AltUr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaImages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MediaVariant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImageId = table.Column<int>(type: "integer", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaVariant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaVariant_MediaImages_ImageId",
                        column: x => x.ImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Updates_LeadImageId",
                table: "Updates",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Pages_LeadImageId",
                table: "Pages",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaVariant_FileName",
                table: "MediaVariant",
                column: "FileName");

            migrationBuilder.CreateIndex(
                name: "IX_MediaVariant_ImageId",
                table: "MediaVariant",
                column: "ImageId");

            migrationBuilder.AddForeignKey(
                name: "FK_Pages_MediaImages_LeadImageId",
                table: "Pages",
                column: "LeadImageId",
                principalTable: "MediaImages",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Updates_MediaImages_LeadImageId",
                table: "Updates",
                column: "LeadImageId",
                principalTable: "MediaImages",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Pages_MediaImages_LeadImageId",
                table: "Pages");

            migrationBuilder.DropForeignKey(
                name: "FK_Updates_MediaImages_LeadImageId",
                table: "Updates");

            migrationBuilder.DropTable(
                name: "MediaVariant");

            migrationBuilder.DropTable(
                name: "MediaImages");

            migrationBuilder.DropIndex(
                name: "IX_Updates_LeadImageId",
                table: "Updates");

            migrationBuilder.DropIndex(
                name: "IX_Pages_LeadImageId",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "LeadImageId",
                table: "Updates");

            migrationBuilder.DropColumn(
                name: "LeadImageId",
                table: "Pages");
        }
    }
}
