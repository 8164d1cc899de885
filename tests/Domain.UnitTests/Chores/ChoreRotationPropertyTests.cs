using FsCheck;
using FsCheck.Fluent;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Domain.UnitTests.Chores.ChoreScenarios;

namespace Ledger.Domain.UnitTests.Chores;

/// <summary>
/// Fairness of the rotations: over many completions, roundRobin and fewestCompletions never let
/// one participant fall more than one turn behind another, whatever the order in which open
/// assignments are completed, while the job adds occurrences, and while members join and leave.
/// </summary>
public sealed class ChoreRotationPropertyTests
{
    private static readonly UserId[] Pool = Enumerable
        .Range(1, 8)
        .Select(i => UserId.From(new Guid(i, 0, 0, new byte[8])))
        .ToArray();

    private enum StepKind
    {
        Tick,
        Complete,
        Join,
        Leave,
    }

    private sealed record Step(StepKind Kind, int Index);

    private sealed record History(ChoreRotation Rotation, int Members, Step[] Steps);

    private static Gen<ChoreRotation> FairRotations =>
        Gen.Elements(ChoreRotation.RoundRobin, ChoreRotation.FewestCompletions);

    private static Gen<Step> Steps(bool membershipChanges) =>
        Gen.Frequency(
            (4, Gen.Constant(new Step(StepKind.Tick, 0))),
            (6, Gen.Choose(0, 50).Select(i => new Step(StepKind.Complete, i))),
            (membershipChanges ? 1 : 0, Gen.Constant(new Step(StepKind.Join, 0))),
            (membershipChanges ? 1 : 0, Gen.Choose(0, 50).Select(i => new Step(StepKind.Leave, i)))
        );

    private static Gen<History> Histories(bool membershipChanges) =>
        from rotation in FairRotations
        from members in Gen.Choose(2, 6)
        from length in Gen.Choose(1, 200)
        from steps in Gen.ArrayOf(Steps(membershipChanges), length)
        select new History(rotation, members, steps);

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Should_keep_every_member_within_one_completion_once_all_turns_are_done() =>
        Prop.ForAll(
            Histories(membershipChanges: false).ToArbitrary(),
            history =>
            {
                var simulation = new Simulation(history);
                simulation.Run();
                // Everyone does what they were given.
                while (simulation.Chore.OpenAssignments.Any())
                {
                    simulation.CompleteOpen(0);
                    if (simulation.Chore.OpenAssignments.All(a => a.DueDate > simulation.Day))
                    {
                        // The one upcoming occurrence is someone's next turn, not a done one.
                        break;
                    }
                }

                var completions = simulation
                    .Chore.ActiveParticipants.Select(p => p.Completions)
                    .ToList();
                return (completions.Max() - completions.Min() <= 1).Label(
                    $"completions {string.Join(",", completions)}"
                );
            }
        );

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Should_never_let_the_rotations_count_spread_by_more_than_one_turn() =>
        Prop.ForAll(
            Histories(membershipChanges: true).ToArbitrary(),
            history =>
            {
                var simulation = new Simulation(history);
                return simulation
                    .Run(afterEachStep: () => simulation.Spread() <= 1)
                    .Label($"spread {simulation.Spread()} with {history.Rotation}");
            }
        );

    private sealed class Simulation
    {
        private readonly History _history;
        private readonly List<UserId> _members;

        public Simulation(History history)
        {
            _history = history;
            _members = Pool.Take(history.Members).ToList();
            Day = Today;
            Chore = Chore.Create(
                Ownership.OfGroup(GroupId.New()),
                Definition(history.Rotation),
                _members,
                _members.ToHashSet(),
                Day,
                Day,
                _members[0],
                Now
            );
        }

        public Chore Chore { get; }

        public DateOnly Day { get; private set; }

        public bool Run(Func<bool>? afterEachStep = null)
        {
            foreach (var step in _history.Steps)
            {
                Apply(step);
                if (afterEachStep is not null && !afterEachStep())
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The rotation's own measure of turns: handed out (roundRobin) or done plus in hand (fewestCompletions).</summary>
        public int Spread()
        {
            var counts = Chore
                .ActiveParticipants.Select(p =>
                    _history.Rotation == ChoreRotation.RoundRobin
                        ? p.Turns
                        : p.Completions
                            + Chore.OpenAssignments.Count(a => a.AssigneeUserId == p.UserId)
                )
                .ToList();
            return counts.Max() - counts.Min();
        }

        public void CompleteOpen(int index)
        {
            var open = Chore.OpenAssignments.OrderBy(a => a.DueDate).ToList();
            if (open.Count > 0)
            {
                var assignment = open[index % open.Count];
                Chore.Complete(assignment.Id, assignment.AssigneeUserId, Day, Now);
            }
        }

        private void Apply(Step step)
        {
            switch (step.Kind)
            {
                case StepKind.Tick:
                    Day = Day.AddDays(1);
                    Chore.AssignDueOccurrence(Day, Job, Now);
                    break;
                case StepKind.Complete:
                    CompleteOpen(step.Index);
                    break;
                case StepKind.Join when _members.Count < Pool.Length:
                    _members.Add(Pool.First(u => !_members.Contains(u)));
                    Chore.Update(
                        Definition(_history.Rotation),
                        _members,
                        _members.ToHashSet(),
                        Day,
                        _members[0],
                        Now
                    );
                    break;
                case StepKind.Leave when _members.Count > 1:
                    var departed = _members[step.Index % _members.Count];
                    _members.Remove(departed);
                    Chore.HandOver(departed, _members, Actor.User(departed), Now);
                    break;
            }
        }

        private static ChoreDefinition Definition(ChoreRotation rotation) =>
            new("Dishes", null, ChoreFrequency.Daily(), rotation);
    }
}
