using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The consent records' keyed hash of the network address goes, with the hashes stored. PostgreSQL's DROP COLUMN
    /// only hides a column: its values stay in every row not written again (a confirmed subscriber's, for years). They
    /// are set to null first, so the rows are written without them and VACUUM reclaims the old versions.
    /// </summary>
    public partial class DropConsentIpHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Subscribers", "Rsvps", "PetitionSignatures" })
                migrationBuilder.Sql($"""UPDATE "{table}" SET "Consent_IpHash" = NULL WHERE "Consent_IpHash" IS NOT NULL;""");

            migrationBuilder.DropColumn(
                name: "Consent_IpHash",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "Consent_IpHash",
                table: "Rsvps");

            migrationBuilder.DropColumn(
                name: "Consent_IpHash",
                table: "PetitionSignatures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Consent_IpHash",
                table: "Subscribers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consent_IpHash",
                table: "Rsvps",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consent_IpHash",
                table: "PetitionSignatures",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }
    }
}
