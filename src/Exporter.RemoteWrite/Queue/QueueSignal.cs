namespace Exporter.RemoteWrite.Queue;

/// <summary>Wakes the sender when a record is appended. Used under the queue's lock.</summary>
internal sealed class QueueSignal
{
    private TaskCompletionSource _appended = New();

    public Task WaitAsync(bool hasRecords, CancellationToken cancellationToken) =>
        hasRecords ? Task.CompletedTask : _appended.Task.WaitAsync(cancellationToken);

    public void Set()
    {
        _appended.TrySetResult();
        _appended = New();
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
