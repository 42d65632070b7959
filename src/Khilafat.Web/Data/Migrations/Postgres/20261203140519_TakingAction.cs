using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TakingAction : Migration
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
                name: "ReliefOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Registry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    LastCheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastCheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReliefOrganisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LeadImageId = table.Column<int>(type: "integer", nullable: true),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OnlineUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    MaxPartySize = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    StateReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    NoticeNumber = table.Column<int>(type: "integer", nullable: false),
                    NoticeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FirstPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AttendeesErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_MediaImages_LeadImageId",
                        column: x => x.LeadImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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

            migrationBuilder.CreateTable(
                name: "Petitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LeadImageId = table.Column<int>(type: "integer", nullable: true),
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
                    table.ForeignKey(
                        name: "FK_Petitions_MediaImages_LeadImageId",
                        column: x => x.LeadImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Rsvps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "citext", maxLength: 254, nullable: true),
                    PartySize = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastConfirmationAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmationsDay = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmationsOnDay = table.Column<int>(type: "integer", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PlaceGivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NoticeNumber = table.Column<int>(type: "integer", nullable: false),
                    ArrivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
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
                    table.PrimaryKey("PK_Rsvps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rsvps_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "IX_Updates_LeadImageId",
                table: "Updates",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Pages_LeadImageId",
                table: "Pages",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_LeadImageId",
                table: "Events",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Slug",
                table: "Events",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_StartsAt",
                table: "Events",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_MediaVariant_FileName",
                table: "MediaVariant",
                column: "FileName");

            migrationBuilder.CreateIndex(
                name: "IX_MediaVariant_ImageId",
                table: "MediaVariant",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_LeadImageId",
                table: "Petitions",
                column: "LeadImageId");

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

            migrationBuilder.CreateIndex(
                name: "IX_ReliefOrganisations_SortOrder",
                table: "ReliefOrganisations",
                column: "SortOrder");

            migrationBuilder.CreateIndex(
                name: "IX_Rsvps_ConfirmTokenHash",
                table: "Rsvps",
                column: "ConfirmTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_Rsvps_EventId_Email",
                table: "Rsvps",
                columns: new[] { "EventId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rsvps_EventId_Status",
                table: "Rsvps",
                columns: new[] { "EventId", "Status" });

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
                name: "PetitionSignatures");

            migrationBuilder.DropTable(
                name: "ReliefOrganisations");

            migrationBuilder.DropTable(
                name: "Rsvps");

            migrationBuilder.DropTable(
                name: "Petitions");

            migrationBuilder.DropTable(
                name: "Events");

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
