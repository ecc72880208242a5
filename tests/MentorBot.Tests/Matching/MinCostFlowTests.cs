using MentorBot.Features.Matching;

namespace MentorBot.Tests.Matching;

public sealed class MinCostFlowTests
{
    [Fact]
    public void A_small_network_with_wider_arcs_gets_its_maximum_flow_at_the_least_cost()
    {
        var flow = new MinCostFlow(4);
        var arcs = new[] { flow.AddArc(0, 1, 2, 1), flow.AddArc(0, 2, 1, 2), flow.AddArc(1, 2, 1, 1), flow.AddArc(1, 3, 1, 3), flow.AddArc(2, 3, 2, 1) };

        Assert.Equal((3, 10), flow.Solve(0, 3));
        Assert.Equal([2, 1, 1, 1, 2], arcs.Select(flow.Flow));
    }

    [Fact]
    public void Potentials_price_an_arc_left_out_negative_when_it_would_have_helped()
    {
        var flow = new MinCostFlow(4);
        flow.AddArc(0, 1, 1, 0);
        flow.AddArc(1, 2, 1, 10);
        flow.AddArc(2, 3, 1, 0);
        flow.AddArc(1, 3, 0, 0);

        Assert.Equal((1, 10), flow.Solve(0, 3));
        Assert.True(flow.ReducedCost(1, 3, 2) < 0);
        Assert.True(flow.ReducedCost(1, 3, 12) >= 0);
    }
}
