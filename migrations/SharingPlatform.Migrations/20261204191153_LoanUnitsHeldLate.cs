using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <inheritdoc />
    public partial class LoanUnitsHeldLate : Migration
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

            migrationBuilder.AddCheckConstraint(
                name: "ck_loan_days_held_late",
                table: "loan_days",
                sql: "units_held_late >= 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_loan_days_held_late",
                table: "loan_days");

            migrationBuilder.DropColumn(
                name: "held_through",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "units_held_late",
                table: "loan_days");
        }
    }
}
