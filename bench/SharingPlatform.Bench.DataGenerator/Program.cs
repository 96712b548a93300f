// Fills a migrated SharingPlatform database with benchmark data through binary COPY:
// one verified organization, background users, published resources over the 14 municipalities and the 5
// categories, and bookings that never overlap on one resource, over the past and next months. Then VACUUM ANALYZE.
//
// Usage: SharingPlatform.Bench.DataGenerator --connection "Host=...;Database=...;Username=..."
//          [--resources 100000] [--bookings 2000000] [--users 20000] [--past-days 60] [--future-days 60]
//          [--parallel 2] [--seed 20261127] [--skip-if-present]
//
// Besides the app's own tables it writes a schema "bench" (never used by the app) that bench/run.sh reads:
// bench.meta (what was generated), bench.resource_index (always-open resources, numbered 0..n-1, the ones the load
// runs book) and bench.user_index (background users numbered 0..n-1, bookers of the pgbench run).
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SharingPlatform.Bench.DataGenerator;

var options = GeneratorOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(GeneratorOptions.Usage);
    return 2;
}

var total = Stopwatch.StartNew();
var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString) { Name = "bench-generator" }.Build();
await using (dataSource.ConfigureAwait(false))
{
    var generator = new Generator(dataSource, options);
    if (options.SkipIfPresent && await generator.PresentSizesAsync().ConfigureAwait(false) is { } present)
    {
        if (present == (options.Resources, options.Bookings))
        {
            Console.WriteLine("Bench data with these sizes is already present: nothing to generate.");
            return 0;
        }

        // Generating over it would stop on a duplicate key halfway.
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Bench data of other sizes is present ({present.Resources} resources, {present.Bookings} bookings): generate into an empty database to change them (bench/run.sh does without BENCH_REUSE_DATA=1)."));
        return 3;
    }

    await generator.RunAsync().ConfigureAwait(false);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated in {total.Elapsed.TotalSeconds:0.0} s."));
return 0;

namespace SharingPlatform.Bench.DataGenerator
{
    internal sealed record GeneratorOptions(
        string ConnectionString, int Resources, int Bookings, int Users, int PastDays, int FutureDays, int Parallel, int Seed,
        bool SkipIfPresent)
    {
        public const string Usage =
            "usage: SharingPlatform.Bench.DataGenerator --connection CS [--resources N] [--bookings N] [--users N] " +
            "[--past-days N] [--future-days N] [--parallel N] [--seed N] [--skip-if-present]";

        public static GeneratorOptions? Parse(string[] args)
        {
            string? connection = null;
            int resources = 100_000, bookings = 2_000_000, users = 20_000, pastDays = 60, futureDays = 60, parallel = 2, seed = 20261127;
            var skip = false;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--connection": connection = Next(); break;
                    case "--resources": resources = NextInt(); break;
                    case "--bookings": bookings = NextInt(); break;
                    case "--users": users = NextInt(); break;
                    case "--past-days": pastDays = NextInt(); break;
                    case "--future-days": futureDays = NextInt(); break;
                    case "--parallel": parallel = NextInt(); break;
                    case "--seed": seed = NextInt(); break;
                    case "--skip-if-present": skip = true; break;
                    default: return null;
                }
            }

            connection ??= Environment.GetEnvironmentVariable("ConnectionStrings__Default");
            if (string.IsNullOrWhiteSpace(connection) || resources < 10 || bookings < 0 || users < 1 || parallel < 1
                || pastDays < 0 || futureDays < 1)
                return null;
            return new GeneratorOptions(connection, resources, bookings, users, pastDays, futureDays, parallel, seed, skip);
        }
    }

    /// <summary>Opening-hours shape of a resource: the load runs book only <see cref="AlwaysOpen"/> ones.</summary>
    internal enum Hours
    {
        AlwaysOpen,
        MondayToSaturday,
        Weekdays,
    }

    internal sealed class Generator(NpgsqlDataSource dataSource, GeneratorOptions options)
    {
        private const string BenchOrganizationName = "벤치마크 공유 협동조합";
        private static readonly TimeSpan Seoul = TimeSpan.FromHours(9); // Korea has no daylight saving time

        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
        private Guid _organizationId;
        private Guid[] _userIds = [];
        private ResourceRow[] _resources = [];

        /// <summary>The sizes of the bench data already generated in this database, or null if there is none.</summary>
        public async Task<(int Resources, int Bookings)?> PresentSizesAsync()
        {
            await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            // Two queries: the second names bench.meta, which must exist for it to parse.
            await using var command = new NpgsqlCommand("SELECT to_regclass('bench.meta') IS NOT NULL", connection);
            if (!(bool)(await command.ExecuteScalarAsync().ConfigureAwait(false))!)
                return null;
            command.CommandText = "SELECT resources, bookings FROM bench.meta LIMIT 1";
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            return await reader.ReadAsync().ConfigureAwait(false) ? (reader.GetInt32(0), reader.GetInt32(1)) : null;
        }

        public async Task RunAsync()
        {
            await Step("schema bench and organization", PrepareAsync).ConfigureAwait(false);
            await Step($"{options.Users:N0} users", CopyUsersAsync).ConfigureAwait(false);
            MakeResources();
            await Step($"{options.Resources:N0} resources", CopyResourcesAsync).ConfigureAwait(false);
            await Step($"{options.Bookings:N0} bookings", CopyBookingsAsync).ConfigureAwait(false);
            await Step("bench indexes", CopyIndexesAsync).ConfigureAwait(false);
            await Step("VACUUM ANALYZE", VacuumAnalyzeAsync).ConfigureAwait(false);
        }

        private static async Task Step(string what, Func<Task> step)
        {
            var watch = Stopwatch.StartNew();
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"  {what}... "));
            await step().ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:0.0} s"));
        }

        private async Task ExecuteAsync(string sql, params object[] parameters)
        {
            await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            foreach (var parameter in parameters)
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        private async Task PrepareAsync()
        {
            await ExecuteAsync("""
                CREATE SCHEMA IF NOT EXISTS bench;
                DROP TABLE IF EXISTS bench.meta, bench.resource_index, bench.user_index;
                CREATE TABLE bench.meta (resources int NOT NULL, bookings int NOT NULL, users int NOT NULL, generated_at timestamptz NOT NULL);
                CREATE TABLE bench.resource_index (n int PRIMARY KEY, resource_id uuid NOT NULL);
                CREATE TABLE bench.user_index (n int PRIMARY KEY, user_id uuid NOT NULL);
                """).ConfigureAwait(false);

            _organizationId = Guid.CreateVersion7(_now.AddYears(-2));
            await ExecuteAsync("""
                INSERT INTO organizations (id, name, kind, business_registration_number, municipality, address, phone, email,
                                           description, status, registered_at)
                VALUES ($1, $2, 'Cooperative', $3, 'jeonju', '전주시 완산구 기린대로 1', '063-000-0000', 'bench-org@bench.sharing.example',
                        '벤치마크용 단체: 모든 벤치마크 공유자원을 소유합니다.', 'Verified', $4)
                """, _organizationId, BenchOrganizationName, BusinessNumber(new Random(options.Seed)), _now.AddYears(-2)).ConfigureAwait(false);
        }

        /// <summary>A ten-digit 사업자등록번호 with a valid check digit that no other organization in the database has.</summary>
        private static string BusinessNumber(Random random)
        {
            int[] weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
            var d = new int[10];
            d[0] = 9;
            d[1] = 9;
            for (var i = 2; i < 9; i++)
                d[i] = random.Next(10);
            var sum = weights.Select((w, i) => w * d[i]).Sum() + d[8] * 5 / 10;
            d[9] = (10 - sum % 10) % 10;
            return string.Concat(d);
        }

        private async Task CopyUsersAsync()
        {
            var random = new Random(options.Seed + 1);
            _userIds = new Guid[options.Users];
            var registered = new DateTimeOffset[options.Users];
            for (var i = 0; i < options.Users; i++)
            {
                registered[i] = _now.AddMinutes(-random.Next(60, 2 * 365 * 24 * 60));
                _userIds[i] = Guid.CreateVersion7(registered[i]);
            }

            await ParallelCopyAsync(
                "COPY users (id, display_name, preferred_language, registered_at, user_name, normalized_user_name, email, " +
                "normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, " +
                "two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)",
                options.Users,
                async (writer, i, _) =>
                {
                    var email = string.Create(CultureInfo.InvariantCulture, $"bench-user-{i}@bench.sharing.example");
                    await writer.StartRowAsync().ConfigureAwait(false);
                    await writer.WriteAsync(_userIds[i], NpgsqlDbType.Uuid).ConfigureAwait(false);
                    await writer.WriteAsync(Texts.PersonName(i), NpgsqlDbType.Varchar).ConfigureAwait(false);
                    await writer.WriteAsync(i % 10 == 0 ? "English" : "Korean", NpgsqlDbType.Varchar).ConfigureAwait(false);
                    await writer.WriteAsync(registered[i], NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                    await writer.WriteAsync(email, NpgsqlDbType.Varchar).ConfigureAwait(false);
                    await writer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar).ConfigureAwait(false);
                    await writer.WriteAsync(email, NpgsqlDbType.Varchar).ConfigureAwait(false);
                    await writer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar).ConfigureAwait(false);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean).ConfigureAwait(false);
                    await writer.WriteNullAsync().ConfigureAwait(false); // no password: these people cannot sign in
                    await writer.WriteAsync(Guid.NewGuid().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text).ConfigureAwait(false);
                    await writer.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text).ConfigureAwait(false);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean).ConfigureAwait(false);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean).ConfigureAwait(false);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean).ConfigureAwait(false);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }

        private void MakeResources()
        {
            var random = new Random(options.Seed + 2);
            _resources = new ResourceRow[options.Resources];
            for (var i = 0; i < options.Resources; i++)
            {
                var created = _now.AddMinutes(-random.Next(24 * 60, 2 * 365 * 24 * 60));
                var slice = i % 20; // 60 % always open, 25 % Monday to Saturday, 15 % weekdays only
                var hours = slice < 12 ? Hours.AlwaysOpen : slice < 17 ? Hours.MondayToSaturday : Hours.Weekdays;
                var category = (i / 14) % 5; // every municipality gets every category
                _resources[i] = new ResourceRow(Guid.CreateVersion7(created), i % Texts.Municipalities.Length, category, hours, created,
                    category == 0 ? random.Next(2, 61) : category == 3 ? random.Next(1, 10) : null,
                    random.Next(10) < 4 ? null : random.Next(1, 21) * 1000);
            }
        }

        private Task CopyResourcesAsync() => ParallelCopyAsync(
            "COPY resources (id, organization_id, category, title, description, municipality, address, capacity, fee_per_hour, " +
            "fee_note, policy, status, created_at, updated_at) FROM STDIN (FORMAT BINARY)",
            options.Resources,
            async (writer, i, random) =>
            {
                var r = _resources[i];
                var (code, korean) = Texts.Municipalities[r.Municipality];
                var item = Texts.Items[r.Category][random.Next(Texts.Items[r.Category].Length)];
                await writer.StartRowAsync().ConfigureAwait(false);
                await writer.WriteAsync(r.Id, NpgsqlDbType.Uuid).ConfigureAwait(false);
                await writer.WriteAsync(_organizationId, NpgsqlDbType.Uuid).ConfigureAwait(false);
                await writer.WriteAsync(Texts.Categories[r.Category], NpgsqlDbType.Varchar).ConfigureAwait(false);
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{korean} {item} {i / 14 + 1}호"), NpgsqlDbType.Varchar).ConfigureAwait(false);
                await writer.WriteAsync(Texts.Description(random, korean, item), NpgsqlDbType.Varchar).ConfigureAwait(false);
                await writer.WriteAsync(code, NpgsqlDbType.Varchar).ConfigureAwait(false);
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{korean} {Texts.Roads[random.Next(Texts.Roads.Length)]} {random.Next(1, 400)}"), NpgsqlDbType.Varchar).ConfigureAwait(false);
                if (r.Capacity is { } capacity)
                    await writer.WriteAsync(capacity, NpgsqlDbType.Integer).ConfigureAwait(false);
                else
                    await writer.WriteNullAsync().ConfigureAwait(false);
                if (r.FeePerHour is { } fee)
                    await writer.WriteAsync(fee, NpgsqlDbType.Integer).ConfigureAwait(false);
                else
                    await writer.WriteNullAsync().ConfigureAwait(false);
                await writer.WriteAsync(r.FeePerHour is { } f ? string.Create(CultureInfo.InvariantCulture, $"시간당 {f:N0}원") : "무료", NpgsqlDbType.Varchar).ConfigureAwait(false);
                await writer.WriteAsync(Policies.Json(r.Hours), NpgsqlDbType.Jsonb).ConfigureAwait(false);
                await writer.WriteAsync("Published", NpgsqlDbType.Varchar).ConfigureAwait(false);
                await writer.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                await writer.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz).ConfigureAwait(false);
            },
            seedOffset: 3);

        /// <summary>
        /// Each resource gets bookings/resources bookings (the remainder to the first ones). The window — from Seoul midnight
        /// past-days ago to future-days ahead — is cut into one segment per booking and each booking lies inside its own
        /// segment, so no two bookings of a resource ever overlap; inside a segment a daytime start on a day the resource
        /// opens is preferred.
        /// </summary>
        private Task CopyBookingsAsync()
        {
            var perResource = options.Bookings / options.Resources;
            var remainder = options.Bookings % options.Resources;
            var seoulToday = _now.ToOffset(Seoul).Date;
            var windowStart = new DateTimeOffset(seoulToday.AddDays(-options.PastDays), Seoul);
            var windowHours = (options.PastDays + options.FutureDays) * 24;
            if (perResource + 1 > windowHours / 4)
                throw new InvalidOperationException("Too many bookings per resource for the window: raise --future-days or --resources.");

            var random = new Random(options.Seed * 31 + 4 * 1009);
            return WithoutSecondaryIndexesAsync("bookings", async connection =>
            {
                await using var writer = await connection.BeginBinaryImportAsync(
                    "COPY bookings (id, resource_id, booker_id, starts_at, ends_at, blocked_until, attendees, purpose, status, " +
                    "status_reason, created_at) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false);
                writer.Timeout = TimeSpan.FromHours(1);
                for (var i = 0; i < options.Resources; i++)
                    await WriteBookingsAsync(writer, i).ConfigureAwait(false);
                await writer.CompleteAsync().ConfigureAwait(false);
            });

            async Task WriteBookingsAsync(NpgsqlBinaryImporter writer, int i)
            {
                var r = _resources[i];
                var count = perResource + (i < remainder ? 1 : 0);
                if (count == 0)
                    return;
                var segmentHours = windowHours / count;
                for (var k = 0; k < count; k++)
                {
                    var duration = Math.Min(random.Next(1, 4), segmentHours);
                    var first = k * segmentHours;
                    var last = first + segmentHours - duration; // latest start hour inside the segment
                    var start = windowStart.AddHours(random.Next(first, last + 1));
                    for (var attempt = 0; attempt < 32 && !Policies.Fits(r.Hours, start.ToOffset(Seoul), duration); attempt++)
                        start = windowStart.AddHours(random.Next(first, last + 1));
                    var end = start.AddHours(duration);
                    var (status, reason) = Statuses.Pick(random, end <= _now);
                    var created = start.AddMinutes(-random.Next(60, 30 * 24 * 60));
                    if (created > _now)
                        created = _now.AddMinutes(-random.Next(1, 7 * 24 * 60));

                    await writer.StartRowAsync().ConfigureAwait(false);
                    await writer.WriteAsync(Guid.CreateVersion7(created), NpgsqlDbType.Uuid).ConfigureAwait(false);
                    await writer.WriteAsync(r.Id, NpgsqlDbType.Uuid).ConfigureAwait(false);
                    await writer.WriteAsync(_userIds[random.Next(_userIds.Length)], NpgsqlDbType.Uuid).ConfigureAwait(false);
                    await writer.WriteAsync(start.ToUniversalTime(), NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                    await writer.WriteAsync(end.ToUniversalTime(), NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                    await writer.WriteAsync(end.ToUniversalTime(), NpgsqlDbType.TimestampTz).ConfigureAwait(false); // buffer 0
                    await writer.WriteAsync(random.Next(1, Math.Min(r.Capacity ?? 4, 8) + 1), NpgsqlDbType.Integer).ConfigureAwait(false);
                    await writer.WriteAsync(Texts.Purposes[random.Next(Texts.Purposes.Length)], NpgsqlDbType.Varchar).ConfigureAwait(false);
                    await writer.WriteAsync(status, NpgsqlDbType.Varchar).ConfigureAwait(false);
                    if (reason is null)
                        await writer.WriteNullAsync().ConfigureAwait(false);
                    else
                        await writer.WriteAsync(reason, NpgsqlDbType.Varchar).ConfigureAwait(false);
                    await writer.WriteAsync(created.ToUniversalTime(), NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Runs <paramref name="load"/> in one transaction on one connection with the table's exclusion constraints, foreign
        /// keys and secondary indexes dropped, then makes them again from their own definitions (whatever the migrations
        /// made): building an index or checking a foreign key once for all rows is much faster than row by row, and the
        /// constraints are checked all the same when they come back. The primary key stays.
        /// </summary>
        private async Task WithoutSecondaryIndexesAsync(string table, Func<NpgsqlConnection, Task> load)
        {
            await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            var rebuild = new List<string>();
            var drop = new List<string>();
            await using (var command = new NpgsqlCommand("""
                SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
                FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.contype IN ('x', 'f')
                UNION ALL
                SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                WHERE i.indrelid = $1::regclass AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                """, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = table });
                await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    drop.Add(reader.GetString(0));
                    rebuild.Add(reader.GetString(1));
                }
            }

            foreach (var sql in drop)
                await ExecuteAsync(connection, sql).ConfigureAwait(false);
            await load(connection).ConfigureAwait(false);
            foreach (var sql in rebuild)
                await ExecuteAsync(connection, sql).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }

        private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        private async Task CopyIndexesAsync()
        {
            await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            var alwaysOpen = _resources.Where(r => r.Hours == Hours.AlwaysOpen).ToArray();
            await using (var writer = await connection.BeginBinaryImportAsync("COPY bench.resource_index (n, resource_id) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
            {
                for (var n = 0; n < alwaysOpen.Length; n++)
                    await writer.WriteRowAsync(default, n, alwaysOpen[n].Id).ConfigureAwait(false);
                await writer.CompleteAsync().ConfigureAwait(false);
            }

            await using (var writer = await connection.BeginBinaryImportAsync("COPY bench.user_index (n, user_id) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
            {
                for (var n = 0; n < _userIds.Length; n++)
                    await writer.WriteRowAsync(default, n, _userIds[n]).ConfigureAwait(false);
                await writer.CompleteAsync().ConfigureAwait(false);
            }

            await using var command = new NpgsqlCommand("INSERT INTO bench.meta VALUES ($1, $2, $3, now())", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = options.Resources });
            command.Parameters.Add(new NpgsqlParameter { Value = options.Bookings });
            command.Parameters.Add(new NpgsqlParameter { Value = options.Users });
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        private async Task VacuumAnalyzeAsync()
        {
            // VACUUM cannot run in a transaction block: one statement per command. Parallel over two connections.
            string[] tables = ["organizations", "users", "resources", "bookings", "bench.resource_index", "bench.user_index"];
            await Task.WhenAll(tables.Select(t => ExecuteAsync($"VACUUM (ANALYZE) {t}"))).ConfigureAwait(false);
        }

        /// <summary>Runs one COPY per partition of [0, count), each on its own connection, at the same time.</summary>
        private async Task ParallelCopyAsync(string copy, int count, Func<NpgsqlBinaryImporter, int, Random, Task> writeRow, int seedOffset = 0)
        {
            var partitions = Math.Max(1, Math.Min(options.Parallel, count));
            var tasks = Enumerable.Range(0, partitions).Select(async p =>
            {
                var from = (int)((long)count * p / partitions);
                var to = (int)((long)count * (p + 1) / partitions);
                var random = new Random(options.Seed * 31 + seedOffset * 1009 + p);
                await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
                await using var writer = await connection.BeginBinaryImportAsync(copy).ConfigureAwait(false);
                writer.Timeout = TimeSpan.FromHours(1);
                for (var i = from; i < to; i++)
                    await writeRow(writer, i, random).ConfigureAwait(false);
                await writer.CompleteAsync().ConfigureAwait(false);
            });
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }

    internal sealed record ResourceRow(
        Guid Id, int Municipality, int Category, Hours Hours, DateTimeOffset CreatedAt, int? Capacity, int? FeePerHour);

    internal static class Policies
    {
        // The jsonb the app writes (System.Text.Json, web defaults, camelCase enums); 24:00 is stored as TimeOnly.MaxValue.
        private const string Common =
            "\"approvalMode\": \"automatic\", \"slotMinutes\": 60, \"minMinutes\": 60, \"maxMinutes\": 240, \"minNoticeMinutes\": 0, " +
            "\"horizonDays\": 365, \"bufferMinutes\": 0, \"requiresCheckIn\": false, \"maxActivePerPerson\": 100, \"closedDates\": []";

        private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

        private static readonly string AlwaysOpen = Make(Days.Select(d => (d, "00:00:00", "23:59:59.9999999")));
        private static readonly string MondayToSaturday =
            Make(Days.Take(5).Select(d => (d, "09:00:00", "18:00:00")).Append(("saturday", "10:00:00", "17:00:00")));
        private static readonly string Weekdays = Make(Days.Take(5).Select(d => (d, "09:00:00", "18:00:00")));

        public static string Json(Hours hours) => hours switch
        {
            Hours.AlwaysOpen => AlwaysOpen,
            Hours.MondayToSaturday => MondayToSaturday,
            _ => Weekdays,
        };

        /// <summary>Whether a booking of <paramref name="hours"/> hours from this Seoul time is realistic for the resource.</summary>
        public static bool Fits(Hours shape, DateTimeOffset seoulStart, int hours)
        {
            var startHour = seoulStart.Hour;
            var endHour = startHour + hours;
            return shape switch
            {
                Hours.AlwaysOpen => startHour >= 8 && endHour <= 22,
                Hours.MondayToSaturday when seoulStart.DayOfWeek == DayOfWeek.Saturday => startHour >= 10 && endHour <= 17,
                Hours.MondayToSaturday => seoulStart.DayOfWeek != DayOfWeek.Sunday && startHour >= 9 && endHour <= 18,
                _ => seoulStart.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && startHour >= 9 && endHour <= 18,
            };
        }

        private static string Make(IEnumerable<(string Day, string Opens, string Closes)> periods) =>
            "{" + Common + ", \"openingHours\": [" +
            string.Join(", ", periods.Select(p => $"{{\"dayOfWeek\": \"{p.Day}\", \"opens\": \"{p.Opens}\", \"closes\": \"{p.Closes}\"}}")) +
            "]}";
    }

    internal static class Statuses
    {
        public static (string Status, string? Reason) Pick(Random random, bool past)
        {
            var roll = random.Next(100);
            return past
                ? roll switch
                {
                    < 84 => ("Completed", null),
                    < 92 => ("Cancelled", "일정이 바뀌었습니다."),
                    < 97 => ("NoShow", null),
                    _ => ("Rejected", "이미 다른 행사가 잡혀 있습니다."),
                }
                : roll switch
                {
                    < 88 => ("Confirmed", null),
                    < 92 => ("Pending", null),
                    _ => ("Cancelled", "일정이 바뀌었습니다."),
                };
        }
    }

    internal static class Texts
    {
        public static readonly (string Code, string Korean)[] Municipalities =
        [
            ("jeonju", "전주시"), ("gunsan", "군산시"), ("iksan", "익산시"), ("jeongeup", "정읍시"), ("namwon", "남원시"),
            ("gimje", "김제시"), ("wanju", "완주군"), ("jinan", "진안군"), ("muju", "무주군"), ("jangsu", "장수군"),
            ("imsil", "임실군"), ("sunchang", "순창군"), ("gochang", "고창군"), ("buan", "부안군"),
        ];

        public static readonly string[] Categories = ["Space", "Equipment", "Goods", "Vehicle", "Other"];

        public static readonly string[][] Items =
        [
            ["회의실", "공유주방", "세미나실", "다목적홀", "공방", "스터디룸", "작업실", "마을회관 강당"],
            ["빔프로젝터", "3D 프린터", "음향장비 세트", "전동드릴", "재봉틀", "미러리스 카메라", "레이저 커터"],
            ["유아 카시트", "캠핑 텐트", "접이식 테이블", "행사용 의자 20개", "아이스박스", "한복 세트", "사다리 (3m)"],
            ["전기자전거", "1톤 화물차", "12인승 승합차", "경차", "카고 자전거"],
            ["마을 텃밭", "통기타", "보드게임 꾸러미", "그림책 꾸러미", "공구 상자"],
        ];

        public static readonly string[] Roads = ["기린대로", "팔달로", "인북로", "요천로", "석정로", "중앙로", "충렬로", "시청로", "번영로"];

        public static readonly string[] Purposes =
        [
            "동아리 정기 모임", "마을 회의", "가족 행사", "협동조합 교육", "작품 촬영", "이사 준비", "주말 캠핑", "청소년 프로그램",
            "강의 준비", "생일 파티",
        ];

        private static readonly string[] Phrases =
        [
            "주민 누구나 예약해 쓸 수 있습니다.", "사용 후에는 제자리에 정리해 주세요.", "주차 공간이 넉넉합니다.",
            "대중교통으로 오기 쉽습니다.", "처음 쓰시는 분께는 사용법을 알려 드립니다.", "소모품은 직접 준비해 주세요.",
            "반려동물은 함께할 수 없습니다.", "휠체어로 들어올 수 있습니다.", "와이파이와 화이트보드가 있습니다.",
            "정기 점검을 마친 깨끗한 상태입니다.", "단체 행사에도 알맞습니다.", "예약 확정 후 안내 문자를 드립니다.",
        ];

        private static readonly string[] FamilyNames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
        private static readonly string[] GivenNames = ["민지", "준호", "서연", "도윤", "하은", "지호", "수아", "예준", "지우", "시우"];

        public static string PersonName(int i) =>
            FamilyNames[i % FamilyNames.Length] + GivenNames[i / FamilyNames.Length % GivenNames.Length];

        public static string Description(Random random, string municipality, string item)
        {
            var count = random.Next(2, 5);
            var parts = new List<string>(count + 1) { $"{municipality}에서 함께 쓰는 {item}입니다." };
            for (var k = 0; k < count; k++)
                parts.Add(Phrases[random.Next(Phrases.Length)]);
            return string.Join(' ', parts);
        }
    }
}
