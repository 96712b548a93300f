using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// pg_restore fills the generated columns of <c>resources</c> with an empty search_path, so the SQL function behind
    /// <c>weekly_opening</c> names the function it calls with its schema; otherwise a backup cannot be restored.
    /// </summary>
    public partial class RestorablePolicyFunctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Define(migrationBuilder, "public.");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Define(migrationBuilder, "");

        private static void Define(MigrationBuilder migrationBuilder, string schema) => migrationBuilder.Sql($$"""
            CREATE OR REPLACE FUNCTION policy_weekly_opening(policy jsonb) RETURNS int4multirange
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT coalesce(range_agg(int4range(d.i * 1440 + {{schema}}policy_minute_of_day(oh ->> 'opens'),
                                                    d.i * 1440 + {{schema}}policy_minute_of_day(oh ->> 'closes'))), '{}'::int4multirange)
                FROM jsonb_array_elements(policy -> 'openingHours') AS oh
                JOIN (VALUES ('monday', 0), ('tuesday', 1), ('wednesday', 2), ('thursday', 3), ('friday', 4),
                             ('saturday', 5), ('sunday', 6)) AS d(name, i) ON d.name = oh ->> 'dayOfWeek'
            $$;
            """);
    }
}
