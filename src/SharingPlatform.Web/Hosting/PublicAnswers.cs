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
    private string? _keptUnder;

    private bool _askedWhileNotListening;

    public async ValueTask<T> GetAsync<T>(IQuery<T> query, CancellationToken cancellationToken)
        where T : class
    {
        if (!changes.IsListening)
        {
            _askedWhileNotListening = true;
            return await sender.Send(query, cancellationToken);
        }

        KeptUnder();
        // An answer read while a change was being dropped is kept under the generation it started in, never asked for again.
        var key = new Key(query, CultureInfo.CurrentUICulture.Name, Minute(), changes.Generation);
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

    /// <summary>
    /// The minute and generation of the page's first answer, under which the parts made of its answers are kept
    /// (<see cref="Pages.Shared.PublicPartTagHelper"/>): every answer it shows was read in them or later. Null while
    /// this node is not listening for changes, or if it was not when the page asked: a change it did not hear of may
    /// be missing from the answer.
    /// </summary>
    public string? KeptUnder()
    {
        if (_askedWhileNotListening || !changes.IsListening)
            return null;
        return _keptUnder ??= string.Create(CultureInfo.InvariantCulture, $"{Minute()}.{changes.Generation}");
    }

    private long Minute() => clock.GetUtcNow().ToUnixTimeSeconds() / 60;

    private sealed record Key(object Query, string Culture, long Minute, long Generation);

    /// <summary>Each node's memory for the answers: a thousand at most, each for a minute at most.</summary>
    public sealed class Store : IDisposable
    {
        internal MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 1000 });

        internal System.Collections.Concurrent.ConcurrentDictionary<object, Task<object?>> Flights { get; } = new();

        public void Dispose() => Cache.Dispose();
    }
}
