using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Indexes that let a sign-up or a signature find its mailbox's +variants (lower("Email") LIKE 'amina+%@host') without
    /// reading the whole table: the citext index serves = but not LIKE. text_pattern_ops, so that a prefix is a range
    /// whatever the database's collation. Not in the model: EF Core has no expression indexes; ConfirmationLimits writes
    /// the matching query.
    /// </summary>
    public partial class MailboxVariantIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_Subscribers_Email_Lower" ON "Subscribers" (lower("Email") text_pattern_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_PetitionSignatures_Email_Lower" ON "PetitionSignatures" (lower("Email") text_pattern_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_PetitionSignatures_Email_Lower";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Subscribers_Email_Lower";""");
        }
    }
}
