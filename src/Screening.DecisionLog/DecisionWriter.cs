using System.Threading.Channels;

namespace Screening.DecisionLog;

/// <summary>
/// Group commit: writes from concurrent requests are queued and committed together, one transaction for all that are
/// waiting (up to 256), so a durable commit (an fsync) is paid once per group rather than once per decision. Each
/// caller's task completes when its write is committed, or fails with the store's error.
/// </summary>
public sealed class DecisionWriter : IAsyncDisposable
{
    private const int MaxGroup = 256;
    private readonly IDecisionStore _store;
    private readonly TimeProvider _time;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public DecisionWriter(IDecisionStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _loop = Task.Run(CommitLoopAsync);
    }

    /// <summary>Commits the write; true when applied, false when its idempotency key was already used.</summary>
    public Task<bool> WriteAsync(StoreWrite write)
    {
        var pending = new Pending(write, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The decision log is shutting down.");
        }

        return pending.Done.Task;
    }

    private async Task CommitLoopAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            try
            {
                var applied = await _store.CommitAsync([.. group.Select(p => p.Write)], _time.GetUtcNow(), CancellationToken.None);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.TrySetResult(applied[i]);
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in group)
                {
                    pending.Done.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(StoreWrite Write, TaskCompletionSource<bool> Done);
}
