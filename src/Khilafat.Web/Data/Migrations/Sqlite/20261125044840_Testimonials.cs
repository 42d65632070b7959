using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khilafat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Testimonials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
