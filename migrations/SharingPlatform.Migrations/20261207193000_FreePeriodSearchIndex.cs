using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// The free-period search's index of holding periods, keyed by <c>tstzrange(starts_at, blocked_until, '[)')</c>: a
    /// spelling of the period that the exclusion constraint's index (<c>ex_bookings_no_overlap</c>, keyed by resource first)
    /// does not share. With the same expression in both (<c>ix_bookings_holding_period</c>), the planner could answer
    /// "which bookings meet this period" from the constraint's index, and did whenever the bookings' pages were not all
    /// marked visible, as after a busy hour of bookings: 154 ms to read it on the bench data instead of 2 ms.
    /// <c>ix_bookings_holding_period</c> stays while the release before, which searches with it, may run beside this one
    /// in a rolling upgrade; the next release drops it.
    /// </summary>
    public partial class FreePeriodSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_bookings_free_period_search ON bookings USING gist (tstzrange(starts_at, blocked_until, '[)'))
                    INCLUDE (resource_id, starts_at, blocked_until)
                    WHERE status IN ('Pending', 'Confirmed');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_bookings_free_period_search;");
        }
    }
}
