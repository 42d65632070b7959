using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The consent records' keyed hash of the network address goes, with the hashes stored: SQLite rebuilds the three
    /// tables without the column.
    /// </summary>
    public partial class DropConsentIpHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consent_IpHash",
                table: "Rsvps",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consent_IpHash",
                table: "PetitionSignatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }
    }
}
