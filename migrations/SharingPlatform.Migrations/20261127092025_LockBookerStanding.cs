using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// A booking request locks its booker's row and then counts their active bookings of the resource, in one round
    /// trip. The count is a statement of its own: a VOLATILE function takes a fresh snapshot for each statement under
    /// READ COMMITTED, so it sees the booking of the request that held the lock before.
    /// </summary>
    public partial class LockBookerStanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION lock_booker_standing(p_booker uuid, p_resource uuid, p_now timestamptz)
                RETURNS TABLE (paused_until timestamptz, display_name text, active integer)
                LANGUAGE plpgsql VOLATILE
                AS $$
                BEGIN
                    SELECT u.booking_paused_until, u.display_name INTO paused_until, display_name
                    FROM users u WHERE u.id = p_booker FOR UPDATE;
                    IF NOT FOUND THEN
                        RETURN;
                    END IF;
                    SELECT count(DISTINCT coalesce(b.series_id, b.id)) INTO active
                    FROM bookings b
                    WHERE b.resource_id = p_resource AND b.booker_id = p_booker
                      AND b.status IN ('Pending', 'Confirmed') AND b.ends_at > p_now;
                    RETURN NEXT;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION lock_booker_standing(uuid, uuid, timestamptz);");
        }
    }
}
