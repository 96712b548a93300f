using Microsoft.Extensions.Caching.Memory;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// The answers the public pages show everyone alike (a search's results, the labs, the programme's figures), kept in
/// each node's memory per question, language and minute, and dropped whenever the kept pages are
/// (<see cref="PageDataChanges"/>). A signed-in person's page is made for them each time, but its public part need not
/// be asked of the database again. Only a query whose answer does not depend on who asks may come through here.
/// </summary>
public sealed class PublicAnswers(ISender sender, PageDataChanges changes, TimeProvider clock, PublicAnswers.Store store)
{
    public async ValueTask<T> GetAsync<T>(IQuery<T> query, CancellationToken cancellationToken)
        where T : class
    {
        if (!changes.IsListening)
            return await sender.Send(query, cancellationToken);

        // An answer read while a change was being dropped is kept under the generation it started in, never asked for again.
        var key = new Key(query, CultureInfo.CurrentUICulture.Name, clock.GetUtcNow().ToUnixTimeSeconds() / 60, changes.Generation);
        if (store.Cache.TryGetValue(key, out T? kept) && kept is not null)
            return kept;

        // One request asks; the others asking the same meanwhile wait for its answer (when the minute turns, every
        // visitor of a page misses at once). If it gets none (a refusal, a cancelled request), each asks for itself.
        var mine = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = store.Flights.GetOrAdd(key, mine.Task);
        if (flight != mine.Task)
            return await flight.WaitAsync(cancellationToken) as T ?? await sender.Send(query, cancellationToken);

        try
        {
            var answer = await sender.Send(query, cancellationToken);
            store.Cache.Set(key, answer, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
            mine.SetResult(answer);
            return answer;
        }
        finally
        {
            mine.TrySetResult(null);
            store.Flights.TryRemove(new KeyValuePair<object, Task<object?>>(key, mine.Task));
        }
    }

    private sealed record Key(object Query, string Culture, long Minute, long Generation);

    /// <summary>Each node's memory for the answers: a thousand at most, each for a minute at most.</summary>
    public sealed class Store : IDisposable
    {
        internal MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 1000 });

        internal System.Collections.Concurrent.ConcurrentDictionary<object, Task<object?>> Flights { get; } = new();

        public void Dispose() => Cache.Dispose();
    }
}
