using Smile.Content.Time;

namespace Smile.Content.Tests;

public sealed class BerlinTimeTests
{
    [Fact]
    public void The_zone_is_europe_berlin()
    {
        Assert.Equal("Europe/Berlin", BerlinTime.Zone.Id);
    }

    [Fact]
    public void A_summer_wall_clock_time_is_two_hours_ahead_of_utc()
    {
        var utc = BerlinTime.ToUtc(new DateTime(2026, 7, 1, 18, 0, 0));

        Assert.Equal(new DateTime(2026, 7, 1, 16, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void A_winter_wall_clock_time_is_one_hour_ahead_of_utc()
    {
        var utc = BerlinTime.ToUtc(new DateTime(2026, 1, 15, 18, 0, 0));

        Assert.Equal(new DateTime(2026, 1, 15, 17, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void The_kind_of_the_input_is_ignored_it_is_always_berlin_wall_clock()
    {
        Assert.Equal(new DateTime(2026, 1, 15, 17, 0, 0, DateTimeKind.Utc), BerlinTime.ToUtc(new DateTime(2026, 1, 15, 18, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 1, 15, 17, 0, 0, DateTimeKind.Utc), BerlinTime.ToUtc(new DateTime(2026, 1, 15, 18, 0, 0, DateTimeKind.Local)));
    }

    [Theory]
    [InlineData(1, 59, 0, 59)]
    [InlineData(3, 0, 1, 0)]
    public void The_last_minute_before_and_the_first_after_the_spring_change_use_their_offsets(int hour, int minute, int utcHour, int utcMinute)
    {
        Assert.Equal(new DateTime(2026, 3, 29, utcHour, utcMinute, 0, DateTimeKind.Utc), BerlinTime.ToUtc(new DateTime(2026, 3, 29, hour, minute, 0)));
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_an_hour()
    {
        // 02:30 does not exist on 29 March 2026; the clock shows 03:30 CEST, which is 01:30 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), BerlinTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
    }

    [Fact]
    public void A_time_in_the_autumn_overlap_takes_the_earlier_summer_offset()
    {
        // 02:30 happens twice on 25 October 2026: first at +02:00 (00:30 UTC), then at +01:00 (01:30 UTC).
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), BerlinTime.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0)));
    }

    [Fact]
    public void After_the_autumn_overlap_the_winter_offset_applies()
    {
        Assert.Equal(new DateTime(2026, 10, 25, 2, 0, 0, DateTimeKind.Utc), BerlinTime.ToUtc(new DateTime(2026, 10, 25, 3, 0, 0)));
    }

    [Theory]
    [InlineData(7, 1, 16, 18)]
    [InlineData(1, 15, 17, 18)]
    public void Utc_converts_back_to_berlin_wall_clock_time(int month, int day, int utcHour, int berlinHour)
    {
        var berlin = BerlinTime.FromUtc(new DateTime(2026, month, day, utcHour, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, month, day, berlinHour, 0, 0), berlin);
    }

    [Fact]
    public void An_instant_in_the_second_pass_of_the_autumn_overlap_reads_back_as_the_first_pass()
    {
        // 01:45 UTC is 02:45 CET, the second 02:45 of the night; wall-clock time alone cannot tell them apart.
        var berlin = BerlinTime.FromUtc(new DateTime(2026, 10, 25, 1, 45, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 10, 25, 2, 45, 0), berlin);
        Assert.Equal(new DateTime(2026, 10, 25, 0, 45, 0, DateTimeKind.Utc), BerlinTime.ToUtc(berlin));
    }

    [Fact]
    public void From_utc_treats_an_unspecified_time_as_utc()
    {
        Assert.Equal(new DateTime(2026, 7, 1, 2, 0, 0), BerlinTime.FromUtc(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Unspecified)));
    }

    [Theory]
    [InlineData(2026, 3, 28, 12)]
    [InlineData(2026, 6, 21, 23)]
    [InlineData(2026, 10, 25, 0)]
    [InlineData(2026, 12, 31, 23)]
    public void Utc_to_berlin_and_back_is_the_same_instant(int year, int month, int day, int hour)
    {
        var utc = new DateTime(year, month, day, hour, 45, 0, DateTimeKind.Utc);

        Assert.Equal(utc, BerlinTime.ToUtc(BerlinTime.FromUtc(utc)));
    }
}
