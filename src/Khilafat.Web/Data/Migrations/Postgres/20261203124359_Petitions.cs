using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddressedTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Goal = table.Column<int>(type: "integer", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveryReport = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SignersErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Petitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PetitionSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PetitionId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "citext", maxLength: 254, nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ShowName = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StruckOutAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StruckOutReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    StruckOutBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConfirmTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastConfirmationAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmationsDay = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmationsOnDay = table.Column<int>(type: "integer", nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Consent_Attestation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Consent_AttestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Consent_GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Consent_IpHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Consent_Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Consent_Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Consent_Version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
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
