using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The outbox's indexes on a claim and on a send hold only the messages that have one, the only ones their queries
    /// look for: a confirmation or a welcome (no send, no claim yet) is queued into two indexes instead of five.
    /// </summary>
    public partial class OutboxPartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ClaimToken",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SendId_Status",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SendId_SubscriberId",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ClaimToken",
                table: "OutboxMessages",
                column: "ClaimToken",
                filter: "\"ClaimToken\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SendId_Status",
                table: "OutboxMessages",
                columns: new[] { "SendId", "Status" },
                filter: "\"SendId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SendId_SubscriberId",
                table: "OutboxMessages",
                columns: new[] { "SendId", "SubscriberId" },
                unique: true,
                filter: "\"SendId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ClaimToken",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SendId_Status",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SendId_SubscriberId",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ClaimToken",
                table: "OutboxMessages",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SendId_Status",
                table: "OutboxMessages",
                columns: new[] { "SendId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SendId_SubscriberId",
                table: "OutboxMessages",
                columns: new[] { "SendId", "SubscriberId" },
                unique: true);
        }
    }
}
