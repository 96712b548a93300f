using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// Every write to a table that public pages show sends <c>NOTIFY page_data_changed</c> when it commits, whichever
    /// node, job or script made it; each node listens and drops the anonymous pages it keeps. A new table that a public
    /// page shows gets the same trigger (an integration test lists the tables left without it).
    /// </summary>
    public partial class PageDataChanges : Migration
    {
        internal static readonly string[] PageTables =
        [
            "bookings", "circle_members", "circles", "lab_booking_equipment", "lab_bookings", "lab_equipment", "lab_photos",
            "lab_slots", "labs", "loan_days", "loans", "meetings", "organization_members", "organizations",
            "proposal_supports", "proposals", "resource_photos", "resources", "reviews", "rsvps", "stories", "story_links",
            "unit_outages", "users",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_page_data_changed() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
                BEGIN
                    PERFORM pg_notify('page_data_changed', '');
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var table in PageTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER page_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_page_data_changed();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in PageTables)
                migrationBuilder.Sql($"DROP TRIGGER page_data_changed ON {table};");
            migrationBuilder.Sql("DROP FUNCTION notify_page_data_changed();");
        }
    }
}
