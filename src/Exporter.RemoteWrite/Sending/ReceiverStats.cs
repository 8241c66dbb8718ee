namespace Exporter.RemoteWrite.Sending;

/// <summary>One receiver's counters, written by its sender and read by the self-metrics collector.</summary>
internal sealed class ReceiverStats
{
    private long _samplesSent;
    private long _samplesFailed;
    private long _samplesRetried;
    private long _samplesRejected;
    private long _retries;
    private long _lastSuccessMs;

    public long SamplesSent => Interlocked.Read(ref _samplesSent);

    public long SamplesFailed => Interlocked.Read(ref _samplesFailed);

    public long SamplesRetried => Interlocked.Read(ref _samplesRetried);

    public long SamplesRejected => Interlocked.Read(ref _samplesRejected);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Unix milliseconds of the last accepted request; 0 before the first.</summary>
    public long LastSuccessMs => Interlocked.Read(ref _lastSuccessMs);

    public void Sent(int samples, long nowMs)
    {
        Interlocked.Add(ref _samplesSent, samples);
        Interlocked.Exchange(ref _lastSuccessMs, nowMs);
    }

    public void Failed(int samples) => Interlocked.Add(ref _samplesFailed, samples);

    public void Retried(int samples)
    {
        Interlocked.Add(ref _samplesRetried, samples);
        Interlocked.Increment(ref _retries);
    }

    public void Rejected(int samples) => Interlocked.Add(ref _samplesRejected, samples);
}
