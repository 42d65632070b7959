using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "BouncingSince",
                table: "Subscribers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consent_Attestation",
                table: "Subscribers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Consent_AttestedOn",
                table: "Subscribers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Culture",
                table: "OutboxMessages",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SendId",
                table: "OutboxMessages",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SendThrottles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NextSlotAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendThrottles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Updates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShowOnSite = table.Column<bool>(type: "boolean", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Updates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UpdateSends",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UpdateId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Languages = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Countries = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MissingTranslation = table.Column<int>(type: "integer", nullable: false),
                    ExpandedThrough = table.Column<int>(type: "integer", nullable: false),
                    Expanded = table.Column<bool>(type: "boolean", nullable: false),
                    Queued = table.Column<int>(type: "integer", nullable: false),
                    Sent = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SendId = table.Column<int>(type: "integer", nullable: false),
                    Culture = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false)
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
