using GraphQL;
using GraphQL.Types;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Items;
using Smile.Content.Observations;

namespace Smile.Api.GraphQL.Schema;

/// <summary>
/// <c>latest</c> and <c>observations</c> on the Datastream type: readings live in the observation store, not in
/// content, and come through the content core's read port. Raw readings and hourly or daily aggregates share
/// one shape, so a chart reads them alike.
/// </summary>
internal sealed class ObservationFields(SharedTypes shared)
{
    /// <summary>The content type whose items are SensorThings Datastreams.</summary>
    public const string DatastreamType = "Datastream";
    public const int DefaultCount = 100;

    /// <summary>A month of hours (744) fits in one request.</summary>
    public const int MaxCount = 1000;

    private readonly ObjectGraphType _observation = CreateObservation(shared.Scalars);
    private readonly EnumerationGraphType _aggregate = CreateAggregate();

    public void AddTo(ObjectGraphType datastream)
    {
        var scalars = shared.Scalars;
        datastream.Add("latest", _observation, c => Context(c).LatestObservations.Load(Version(c).ItemId), "The newest reading.");
        datastream.AddAsync("observations", _observation.NonNullList(), async c =>
        {
            var context = Context(c);
            var first = c.GetArgument("first", DefaultCount);
            if (first is < 1 or > MaxCount)
            {
                throw ApiErrors.BadInput($"first must be between 1 and {MaxCount}, not {first}; narrow from/to instead.");
            }

            var from = c.GetArgument<DateTime?>("from");
            var to = c.GetArgument<DateTime?>("to");
            if (from is { } f && to is { } t && f >= t)
            {
                throw ApiErrors.BadInput($"from ({f:O}) must lie before to ({t:O}).");
            }

            if (context.Observations is not { } observations)
            {
                return Array.Empty<object>();
            }

            // Without a start, the newest readings up to `to` are wanted; they are returned oldest first all the same.
            var query = new ObservationQuery
            {
                DatastreamId = Version(c).ItemId,
                From = from?.ToUniversalTime(),
                To = to?.ToUniversalTime(),
                Take = first,
                NewestFirst = from is null,
            };
            var resolution = c.GetArgument("aggregate", ObservationResolution.Raw);
            IEnumerable<object> points = resolution == ObservationResolution.Raw
                ? await observations.ListAsync(query, c.CancellationToken)
                : await observations.AggregatesAsync(query, resolution, c.CancellationToken);
            return query.NewestFirst ? points.Reverse().ToList() : points.ToList();
        }, "Readings in [from, to), oldest first: raw, or aggregated per hour (UTC) or per day (Europe/Berlin). Without `from`, the newest `first` before `to`.", new QueryArguments(
            GraphFields.Argument("from", scalars.DateTime, "Inclusive start."),
            GraphFields.Argument("to", scalars.DateTime, "Exclusive end."),
            GraphFields.Argument("aggregate", _aggregate, defaultValue: ObservationResolution.Raw),
            GraphFields.Argument("first", scalars.Int, $"At most {MaxCount}.", DefaultCount)));
    }

    private static ObjectGraphType CreateObservation(Scalars scalars)
    {
        var type = new ObjectGraphType { Name = "Observation", Description = "A reading, or the aggregate of the readings of one hour or day." };
        type.Add("phenomenonTime", scalars.DateTime.NonNull(), c => c.Source switch
        {
            Observation o => o.PhenomenonTime,
            ObservationAggregate a => a.BucketStart,
            _ => null,
        }, "When it was measured; for an aggregate, when its hour or day began.");
        type.Add("resultTime", scalars.DateTime, c => (c.Source as Observation)?.ResultTime);
        type.Add("result", scalars.Float.NonNull(), c => c.Source switch
        {
            Observation o => o.Result,
            ObservationAggregate a => a.Mean,
            _ => null,
        }, "The value; for an aggregate, the mean.");
        type.Add("count", scalars.Int.NonNull(), c => c.Source is ObservationAggregate a ? (int)Math.Min(a.Count, int.MaxValue) : 1, "How many readings it stands for.");
        type.Add("min", scalars.Float.NonNull(), c => c.Source is ObservationAggregate a ? a.Minimum : ((Observation)c.Source!).Result);
        type.Add("max", scalars.Float.NonNull(), c => c.Source is ObservationAggregate a ? a.Maximum : ((Observation)c.Source!).Result);
        return type;
    }

    private static EnumerationGraphType CreateAggregate()
    {
        var type = new EnumerationGraphType { Name = "ObservationAggregate" };
        type.Add("RAW", ObservationResolution.Raw, "Every reading.");
        type.Add("HOUR", ObservationResolution.Hour, "One per hour (UTC): mean, min, max, count.");
        type.Add("DAY", ObservationResolution.Day, "One per day in Europe/Berlin: mean, min, max, count.");
        return type;
    }

    private static SmileUserContext Context(IResolveFieldContext c) => (SmileUserContext)c.UserContext;

    private static ContentVersion Version(IResolveFieldContext c) => (ContentVersion)c.Source!;
}
