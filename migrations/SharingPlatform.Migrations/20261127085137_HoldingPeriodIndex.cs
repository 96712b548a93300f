using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// The free-period search reads the holding bookings that meet a period once, from this index alone (the columns it
    /// needs are included), instead of probing each candidate resource's bookings.
    /// </summary>
    public partial class HoldingPeriodIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_bookings_holding_period ON bookings USING gist (tstzrange(starts_at, blocked_until))
                    INCLUDE (resource_id, starts_at, blocked_until)
                    WHERE status IN ('Pending', 'Confirmed');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_bookings_holding_period;");
        }
    }
}
