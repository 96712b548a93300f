using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <inheritdoc />
    public partial class BookingLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "booking_paused_until",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "calendar_token",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "no_shows_counted_from",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "checked_in_at",
                table: "bookings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "requires_check_in",
                table: "bookings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "bookings",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "booking_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_booking_changes_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_booking_changes_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_users_calendar_token",
                table: "users",
                column: "calendar_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_series_id",
                table: "bookings",
                column: "series_id",
                filter: "series_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_settling",
                table: "bookings",
                column: "starts_at",
                filter: "status IN ('Confirmed', 'CheckedIn')");

            migrationBuilder.CreateIndex(
                name: "ix_booking_changes_actor_id",
                table: "booking_changes",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_changes_booking_id_at",
                table: "booking_changes",
                columns: new[] { "booking_id", "at" });

            // Bookings made before this migration: the check-in rule of their resource, and their creation as the first change.
            migrationBuilder.Sql("""
                UPDATE bookings b SET requires_check_in = COALESCE((r.policy ->> 'requiresCheckIn')::boolean, false)
                FROM resources r WHERE r.id = b.resource_id;
                INSERT INTO booking_changes (id, booking_id, at, actor_id, status, reason)
                SELECT gen_random_uuid(), id, created_at, booker_id, status, status_reason FROM bookings;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_changes");

            migrationBuilder.DropIndex(
                name: "ix_users_calendar_token",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_bookings_series_id",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_settling",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "booking_paused_until",
                table: "users");

            migrationBuilder.DropColumn(
                name: "calendar_token",
                table: "users");

            migrationBuilder.DropColumn(
                name: "no_shows_counted_from",
                table: "users");

            migrationBuilder.DropColumn(
                name: "checked_in_at",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "requires_check_in",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "bookings");
        }
    }
}
