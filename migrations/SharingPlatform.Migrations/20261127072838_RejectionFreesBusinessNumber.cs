using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <inheritdoc />
    public partial class RejectionFreesBusinessNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_organizations_business_registration_number",
                table: "organizations");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_business_registration_number",
                table: "organizations",
                column: "business_registration_number",
                unique: true,
                filter: "status <> 'Rejected'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_organizations_business_registration_number",
                table: "organizations");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_business_registration_number",
                table: "organizations",
                column: "business_registration_number",
                unique: true);
        }
    }
}
