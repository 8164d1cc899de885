namespace Ledger.Domain.Chores;

/// <summary>Who gets the next occurrence of a chore among its participants.</summary>
public enum ChoreRotation
{
    /// <summary>
    /// Turns go round in the participants' order. A turn counts when it is handed out (a rota:
    /// someone covering for you does not change whose turn is next); a skipped turn is given back.
    /// </summary>
    RoundRobin = 0,

    /// <summary>The participant with the fewest completions plus open assignments goes next.</summary>
    FewestCompletions = 1,

    /// <summary>Always the first participant (the next in order steps in if they leave).</summary>
    Fixed = 2,
}
