using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// <c>lock_booker_standing</c> also returns what a notice to the booker needs (address, language, the emails they
    /// turned off), read from the row it locks: a booking confirmed at once needs one round trip fewer (it asked for
    /// the booker as a recipient in a statement of its own).
    /// </summary>
    public partial class BookerRecipientInStanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION lock_booker_standing(uuid, uuid, timestamptz);
                CREATE FUNCTION lock_booker_standing(p_booker uuid, p_resource uuid, p_now timestamptz)
                RETURNS TABLE (paused_until timestamptz, display_name text, suspended boolean, active integer,
                               email text, preferred_language text, emails_off text[])
                LANGUAGE plpgsql VOLATILE
                AS $$
                BEGIN
                    SELECT u.booking_paused_until, u.display_name, u.suspended_at IS NOT NULL, u.email, u.preferred_language, u.emails_off
                    INTO paused_until, display_name, suspended, email, preferred_language, emails_off
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
            migrationBuilder.Sql("""
                DROP FUNCTION lock_booker_standing(uuid, uuid, timestamptz);
                CREATE FUNCTION lock_booker_standing(p_booker uuid, p_resource uuid, p_now timestamptz)
                RETURNS TABLE (paused_until timestamptz, display_name text, suspended boolean, active integer)
                LANGUAGE plpgsql VOLATILE
                AS $$
                BEGIN
                    SELECT u.booking_paused_until, u.display_name, u.suspended_at IS NOT NULL INTO paused_until, display_name, suspended
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
    }
}
