using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// Drops the trigram indexes of the resources' title and description themselves: since LoweredSearchText the search
    /// reads their lowered copies, and no release that may still run (the one before this) reads these. Each resource
    /// written updated two GIN indexes no query used (34 MB at the bench's 100,000 resources).
    /// </summary>
    public partial class DropRawTextIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_resources_description",
                table: "resources");

            migrationBuilder.DropIndex(
                name: "ix_resources_title",
                table: "resources");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_resources_description",
                table: "resources",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_resources_title",
                table: "resources",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
