using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadImageId",
                table: "Pages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MediaImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Alt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AltAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AltUr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaImages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReliefOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Registry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    LastCheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastCheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReliefOrganisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadImageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPartySize = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FirstPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttendeesErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadImageId = table.Column<int>(type: "INTEGER", nullable: true),
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true, collation: "NOCASE"),
                    PartySize = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastConfirmationAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationsDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmationsOnDay = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PlaceGivenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoticeNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
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
