using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// A lab's fairness limits of booking (horizon, minimum notice, active sessions per person); labs that exist get the
    /// defaults of a new lab: 60 days, 60 minutes, 4 sessions.
    /// </summary>
    public partial class LabBookingLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "booking_horizon_days",
                table: "labs",
                type: "integer",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<int>(
                name: "max_active_sessions_per_person",
                table: "labs",
                type: "integer",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.AddColumn<int>(
                name: "min_notice_minutes",
                table: "labs",
                type: "integer",
                nullable: false,
                defaultValue: 60);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "booking_horizon_days",
                table: "labs");

            migrationBuilder.DropColumn(
                name: "max_active_sessions_per_person",
                table: "labs");

            migrationBuilder.DropColumn(
                name: "min_notice_minutes",
                table: "labs");
        }
    }
}
