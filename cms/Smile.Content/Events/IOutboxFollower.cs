namespace Smile.Content.Events;

/// <summary>
/// Something this node runs that follows the outbox under a name and stores its position there (the search
/// indexes, webhooks, the site preview). Health checks watch how far these fall behind; positions of followers
/// no node runs any more are only reported, never held against this node's readiness.
/// </summary>
public interface IOutboxFollower
{
    string FollowerName { get; }
}
