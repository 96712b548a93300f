using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// What the free-period search reads, kept beside the policy by PostgreSQL itself (generated columns, not mapped in
    /// EF): the weekly opening hours as a multirange of minutes since Monday 00:00 (Seoul wall-clock; adjacent periods
    /// merge, so 24:00 meets the next day's 00:00), the closed dates, and the buffer. With the two covering indexes the
    /// search checks each candidate from indexes alone.
    /// </summary>
    public partial class FreePeriodSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION policy_minute_of_day(t text) RETURNS integer
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT CASE WHEN t LIKE '23:59:59%' THEN 1440
                                ELSE split_part(t, ':', 1)::integer * 60 + split_part(t, ':', 2)::integer END
                $$;

                CREATE FUNCTION policy_weekly_opening(policy jsonb) RETURNS int4multirange
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(range_agg(int4range(d.i * 1440 + policy_minute_of_day(oh ->> 'opens'),
                                                        d.i * 1440 + policy_minute_of_day(oh ->> 'closes'))), '{}'::int4multirange)
                    FROM jsonb_array_elements(policy -> 'openingHours') AS oh
                    JOIN (VALUES ('monday', 0), ('tuesday', 1), ('wednesday', 2), ('thursday', 3), ('friday', 4),
                                 ('saturday', 5), ('sunday', 6)) AS d(name, i) ON d.name = oh ->> 'dayOfWeek'
                $$;

                CREATE FUNCTION policy_closed_dates(policy jsonb) RETURNS text[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(array_agg(d), '{}') FROM jsonb_array_elements_text(policy -> 'closedDates') AS d
                $$;

                ALTER TABLE resources
                    ADD COLUMN weekly_opening int4multirange GENERATED ALWAYS AS (policy_weekly_opening(policy)) STORED,
                    ADD COLUMN closed_dates text[] GENERATED ALWAYS AS (policy_closed_dates(policy)) STORED,
                    ADD COLUMN buffer_minutes integer GENERATED ALWAYS AS ((policy ->> 'bufferMinutes')::integer) STORED;

                CREATE INDEX ix_resources_published_search ON resources (municipality, created_at DESC)
                    INCLUDE (id, organization_id, category, weekly_opening, closed_dates, buffer_minutes)
                    WHERE status = 'Published';

                CREATE INDEX ix_bookings_holding_by_resource ON bookings (resource_id, blocked_until) INCLUDE (starts_at)
                    WHERE status IN ('Pending', 'Confirmed');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_bookings_holding_by_resource;
                DROP INDEX ix_resources_published_search;
                ALTER TABLE resources DROP COLUMN weekly_opening, DROP COLUMN closed_dates, DROP COLUMN buffer_minutes;
                DROP FUNCTION policy_closed_dates(jsonb);
                DROP FUNCTION policy_weekly_opening(jsonb);
                DROP FUNCTION policy_minute_of_day(text);
                """);
        }
    }
}
