namespace SharingPlatform.Tests.Support;

/// <summary>
/// The app's clock in tests: real time, moved by an offset while a test travels. Travel is undone when the returned
/// handle is disposed, so the next test (tests of the shared host run one after another) starts at real time again.
/// Sign-in tokens and cookies are checked against this clock too: travel, do what the app does at that time, come back.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public IDisposable Travel(TimeSpan by)
    {
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return new Return(this, by);
    }

    private sealed class Return(TestClock clock, TimeSpan by) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                Interlocked.Add(ref clock._offsetTicks, -by.Ticks);
        }
    }
}
