using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Petitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Petitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AddressedTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Goal = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveryReport = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SignersErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Petitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PetitionSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PetitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true, collation: "NOCASE"),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ShowName = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StruckOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StruckOutReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    StruckOutBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastConfirmationAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationsDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmationsOnDay = table.Column<int>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Consent_Attestation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Consent_AttestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Consent_GivenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Consent_IpHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Consent_Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Consent_Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Consent_Version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PetitionSignatures_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_Slug",
                table: "Petitions",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_State",
                table: "Petitions",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionSignatures_ConfirmTokenHash",
                table: "PetitionSignatures",
                column: "ConfirmTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionSignatures_Email",
                table: "PetitionSignatures",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionSignatures_PetitionId_Email",
                table: "PetitionSignatures",
                columns: new[] { "PetitionId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PetitionSignatures_PetitionId_Status_ConfirmedAt",
                table: "PetitionSignatures",
                columns: new[] { "PetitionId", "Status", "ConfirmedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PetitionSignatures");

            migrationBuilder.DropTable(
                name: "Petitions");
        }
    }
}
