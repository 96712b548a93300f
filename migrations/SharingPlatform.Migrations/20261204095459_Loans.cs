using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <inheritdoc />
    public partial class Loans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "loan_days",
                columns: table => new
                {
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    units_taken = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_days", x => new { x.resource_id, x.day });
                    table.CheckConstraint("ck_loan_days_units", "units_taken >= 0 AND units_taken <= units");
                    table.ForeignKey(
                        name: "fk_loan_days_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    borrower_id = table.Column<Guid>(type: "uuid", nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    pickup_on = table.Column<DateOnly>(type: "date", nullable: false),
                    return_on = table.Column<DateOnly>(type: "date", nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    units_out = table.Column<int>(type: "integer", nullable: false),
                    units_returned = table.Column<int>(type: "integer", nullable: false),
                    unit_labels = table.Column<string[]>(type: "text[]", nullable: false),
                    deposit_won = table.Column<int>(type: "integer", nullable: false),
                    deposit_received = table.Column<bool>(type: "boolean", nullable: false),
                    deposit_returned = table.Column<bool>(type: "boolean", nullable: true),
                    damaged = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loans", x => x.id);
                    table.CheckConstraint("ck_loans_days", "return_on >= pickup_on");
                    table.ForeignKey(
                        name: "fk_loans_asp_net_users_borrower_id",
                        column: x => x.borrower_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_loans_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "loan_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    loan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(2003)", maxLength: 2003, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_loan_changes_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_loan_changes_loans_loan_id",
                        column: x => x.loan_id,
                        principalTable: "loans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_loan_changes_actor_id",
                table: "loan_changes",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_loan_changes_loan_id_at",
                table: "loan_changes",
                columns: new[] { "loan_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_loans_borrower_id_pickup_on",
                table: "loans",
                columns: new[] { "borrower_id", "pickup_on" });

            migrationBuilder.CreateIndex(
                name: "ix_loans_resource_id_pickup_on",
                table: "loans",
                columns: new[] { "resource_id", "pickup_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "loan_changes");

            migrationBuilder.DropTable(
                name: "loan_days");

            migrationBuilder.DropTable(
                name: "loans");
        }
    }
}
