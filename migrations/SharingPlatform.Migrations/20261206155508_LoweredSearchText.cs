using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <inheritdoc />
    public partial class LoweredSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "description_lowered",
                table: "resources",
                type: "text",
                nullable: false,
                computedColumnSql: "lower(description)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "title_lowered",
                table: "resources",
                type: "text",
                nullable: false,
                computedColumnSql: "lower(title)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_resources_description_lowered",
                table: "resources",
                column: "description_lowered")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_resources_title_lowered",
                table: "resources",
                column: "title_lowered")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_resources_description_lowered",
                table: "resources");

            migrationBuilder.DropIndex(
                name: "ix_resources_title_lowered",
                table: "resources");

            migrationBuilder.DropColumn(
                name: "description_lowered",
                table: "resources");

            migrationBuilder.DropColumn(
                name: "title_lowered",
                table: "resources");
        }
    }
}
