using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UpdatesAndJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BounceCount",
                table: "Subscribers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "BouncingSince",
                table: "Subscribers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consent_Attestation",
                table: "Subscribers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Consent_AttestedOn",
                table: "Subscribers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Culture",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SendId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SendThrottles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NextSlotAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendThrottles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Updates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShowOnSite = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Updates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UpdateSends",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UpdateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MissingTranslation = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpandedThrough = table.Column<int>(type: "INTEGER", nullable: false),
                    Expanded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Queued = table.Column<int>(type: "INTEGER", nullable: false),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateSends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpdateSends_Updates_UpdateId",
                        column: x => x.UpdateId,
                        principalTable: "Updates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SendTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SendId = table.Column<int>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SendTexts_UpdateSends_SendId",
                        column: x => x.SendId,
                        principalTable: "UpdateSends",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SendId_Status",
                table: "OutboxMessages",
                columns: new[] { "SendId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SendId_SubscriberId",
                table: "OutboxMessages",
                columns: new[] { "SendId", "SubscriberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Kind_Key",
                table: "Jobs",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Status_DueAt",
                table: "Jobs",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SendTexts_SendId_Culture",
                table: "SendTexts",
                columns: new[] { "SendId", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Updates_ShowOnSite_FirstPublishedAt",
                table: "Updates",
                columns: new[] { "ShowOnSite", "FirstPublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Updates_Slug",
                table: "Updates",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpdateSends_UpdateId",
                table: "UpdateSends",
                column: "UpdateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Jobs");

            migrationBuilder.DropTable(
                name: "SendTexts");

            migrationBuilder.DropTable(
                name: "SendThrottles");

            migrationBuilder.DropTable(
                name: "UpdateSends");

            migrationBuilder.DropTable(
                name: "Updates");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SendId_Status",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SendId_SubscriberId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "BounceCount",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "BouncingSince",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "Consent_Attestation",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "Consent_AttestedOn",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "Culture",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "SendId",
                table: "OutboxMessages");
        }
    }
}
