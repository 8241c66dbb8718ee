using System.Reflection;

namespace Exporter.IntegrationTests;

/// <summary>scripts/test.sh runs the machine-wide comparisons alone by their trait: collection and trait must go together.</summary>
public sealed class MachineWideCollectionTests
{
    [Fact]
    public void Every_class_in_the_machine_wide_collection_carries_its_trait_and_no_other_does()
    {
        var classes = typeof(MachineWideCollection).Assembly.GetTypes().Where(t => t.GetCustomAttributes<CollectionAttribute>().Any()).ToList();
        var inCollection = classes.Where(t => t.GetCustomAttributesData().Any(a =>
            a.AttributeType == typeof(CollectionAttribute) && (string?)a.ConstructorArguments[0].Value == MachineWideCollection.Name)).ToList();
        var withTrait = typeof(MachineWideCollection).Assembly.GetTypes().Where(t => t.GetCustomAttributesData().Any(a =>
            a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[1].Value == MachineWideCollection.Category)).ToList();

        inCollection.Should().HaveCountGreaterThanOrEqualTo(3).And.BeEquivalentTo(withTrait);
    }
}
