using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Smile.Admin.Security;

/// <summary>
/// Failed sign-ins per client address. Lockout protects one account; this stops one address from trying
/// passwords across many accounts. Only failures take a permit, so colleagues behind one office address
/// who type their password right are never slowed down.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _failures;

    public SignInThrottle(IOptions<AdminOptions> options)
    {
        var settings = options.Value.SignIn;
        _failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.FailuresPerAddress,
            Window = settings.FailureWindow,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Whether this address has failures left; a blocked address is refused before its password is checked.</summary>
    public bool MayTry(IPAddress address) => (_failures.GetStatistics(address)?.CurrentAvailablePermits ?? 1) > 0;

    public void RecordFailure(IPAddress address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
