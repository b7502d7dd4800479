using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Client.Tests.Downloads;

/// <summary>A body that sends some bytes, then either fails (IOException) or hangs until cancelled.</summary>
internal sealed class SlowStream : Stream
{
    private readonly int _bytesBeforeStall;
    private readonly bool _failInsteadOfHang;
    private int _sent;

    public SlowStream(int bytesBeforeStall, bool failInsteadOfHang)
    {
        _bytesBeforeStall = bytesBeforeStall;
        _failInsteadOfHang = failInsteadOfHang;
    }

    /// <summary>Completes once the first bytes were handed out.</summary>
    public TaskCompletionSource<bool> FirstBytesSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a read has started to hang (the reader is waiting for data that never comes).</summary>
    public TaskCompletionSource<bool> Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_sent < _bytesBeforeStall)
        {
            var n = Math.Min(count, _bytesBeforeStall - _sent);
            Array.Fill(buffer, (byte)'x', offset, n);
            _sent += n;
            FirstBytesSent.TrySetResult(true);
            return n;
        }

        if (_failInsteadOfHang)
        {
            throw new IOException("connection reset by fake peer");
        }

        Stalled.TrySetResult(true);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
