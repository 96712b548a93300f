using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <inheritdoc />
    public partial class UnitOutages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "held_through",
                table: "loans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "units_held_late",
                table: "loan_days",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "units_out_of_service",
                table: "loan_days",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "unit_outages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    unit_label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    first_day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_day = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_outages", x => x.id);
                    table.CheckConstraint("ck_unit_outages_days", "last_day >= first_day AND units > 0");
                    table.ForeignKey(
                        name: "fk_unit_outages_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_unit_outages_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_loan_days_held_late",
                table: "loan_days",
                sql: "units_held_late >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_loan_days_out_of_service",
                table: "loan_days",
                sql: "units_out_of_service >= 0 AND units_out_of_service <= units");

            migrationBuilder.CreateIndex(
                name: "ix_unit_outages_created_by",
                table: "unit_outages",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_unit_outages_resource_id_last_day",
                table: "unit_outages",
                columns: new[] { "resource_id", "last_day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_outages");

            migrationBuilder.DropCheckConstraint(
                name: "ck_loan_days_held_late",
                table: "loan_days");

            migrationBuilder.DropCheckConstraint(
                name: "ck_loan_days_out_of_service",
                table: "loan_days");

            migrationBuilder.DropColumn(
                name: "held_through",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "units_held_late",
                table: "loan_days");

            migrationBuilder.DropColumn(
                name: "units_out_of_service",
                table: "loan_days");
        }
    }
}
