using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <summary>
    /// Every node keeps its session checks in memory and must hear when a person's sessions may have ended: a change of
    /// their security stamp or suspension, a session revoked, or a person or a live session deleted (the daily clean-up
    /// of ended sessions sends nothing) sends <c>NOTIFY session_changed</c> with the person's id at commit, whatever
    /// wrote it (the app, a job or hand-written SQL). These changes are rare, so the notification lock they take at
    /// commit costs the bookings nothing.
    /// </summary>
    public partial class SessionChangeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_session_changed() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'users' THEN
                        PERFORM pg_notify('session_changed', OLD.id::text);
                    ELSIF TG_OP = 'UPDATE' OR (OLD.revoked_at IS NULL AND OLD.expires_at > now()) THEN
                        PERFORM pg_notify('session_changed', OLD.user_id::text);
                    END IF;
                    RETURN NULL;
                END;
                $$;

                CREATE TRIGGER users_session_changed
                AFTER UPDATE OF security_stamp, suspended_at ON users
                FOR EACH ROW
                WHEN (OLD.security_stamp IS DISTINCT FROM NEW.security_stamp OR OLD.suspended_at IS DISTINCT FROM NEW.suspended_at)
                EXECUTE FUNCTION notify_session_changed();

                CREATE TRIGGER users_deleted_session_changed
                AFTER DELETE ON users
                FOR EACH ROW EXECUTE FUNCTION notify_session_changed();

                CREATE TRIGGER user_sessions_revoked
                AFTER UPDATE OF revoked_at ON user_sessions
                FOR EACH ROW
                WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
                EXECUTE FUNCTION notify_session_changed();

                CREATE TRIGGER user_sessions_deleted
                AFTER DELETE ON user_sessions
                FOR EACH ROW EXECUTE FUNCTION notify_session_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER user_sessions_deleted ON user_sessions;
                DROP TRIGGER user_sessions_revoked ON user_sessions;
                DROP TRIGGER users_deleted_session_changed ON users;
                DROP TRIGGER users_session_changed ON users;
                DROP FUNCTION notify_session_changed();
                """);
        }
    }
}
