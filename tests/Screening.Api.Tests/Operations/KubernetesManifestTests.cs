using System.Net;
using Screening.Api.Hosting;
using Screening.Api.Tests.Infrastructure;
using Screening.Tests;
using YamlDotNet.RepresentationModel;

namespace Screening.Api.Tests.Operations;

/// <summary>
/// deploy/kubernetes, read as Kubernetes would and checked against the application: the probes answer, the container
/// port is the one the service listens on, every Screening__* variable is a real setting, and the pod runs as the
/// image's non-root user on a read-only root file system with a writable /tmp.
/// </summary>
[Collection(SharedApi.Name)]
public class KubernetesManifestTests(ApiFactory factory)
{
    private static readonly YamlMappingNode[] Documents = [.. Directory.GetFiles(Repository.PathOf("deploy", "kubernetes"), "*.yaml")
        .SelectMany(file =>
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            return stream.Documents.Select(d => (YamlMappingNode)d.RootNode);
        })];

    private static YamlMappingNode Kind(string kind) => Assert.Single(Documents, d => Scalar(d, "kind") == kind);

    private static YamlMappingNode Container => (YamlMappingNode)((YamlSequenceNode)Path(Kind("Deployment"), "spec", "template", "spec")["containers"]).Children[0];

    [Fact]
    public void There_are_a_deployment_service_pod_disruption_budget_autoscaler_secret_and_config_map()
    {
        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Secret", "Service"],
            Documents.Select(d => Scalar(d, "kind")).Order(StringComparer.Ordinal));
        Assert.Equal("2", Scalar(Path(Kind("Deployment"), "spec"), "replicas"));
        Assert.Equal("RollingUpdate", Scalar(Path(Kind("Deployment"), "spec", "strategy"), "type"));
        Assert.Equal("2", Scalar(Path(Kind("HorizontalPodAutoscaler"), "spec"), "minReplicas"));
    }

    [Theory]
    [InlineData("readinessProbe", "/health/ready")]
    [InlineData("livenessProbe", "/health/live")]
    public async Task The_probes_are_the_health_endpoints(string probe, string path)
    {
        Assert.Equal(path, Scalar(Path(Container, probe, "httpGet"), "path"));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public void The_container_port_is_the_port_the_service_listens_on()
    {
        var port = Scalar((YamlMappingNode)((YamlSequenceNode)Container["ports"]).Children[0], "containerPort");
        var listens = Environment(Container).Single(e => e.Name == "ASPNETCORE_HTTP_PORTS").Value;
        var image = File.ReadAllLines(Repository.PathOf("Dockerfile")).Single(l => l.Contains("ASPNETCORE_HTTP_PORTS=", StringComparison.Ordinal));

        Assert.Equal(port, listens);
        Assert.Contains($"ASPNETCORE_HTTP_PORTS={port}", image, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_screening_variable_is_a_real_setting()
    {
        var names = Environment(Container).Select(e => e.Name)
            .Concat(((YamlMappingNode)Kind("ConfigMap")["data"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!))
            .Where(n => n.StartsWith("Screening__", StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(SettingsReference.IsKnown(name), $"{name} is not a setting of the service"));
        Assert.False(SettingsReference.IsKnown("Screening__DecisionLog__Provder"));
        Assert.False(SettingsReference.IsKnown("Screening__Policy__TrialMinWeeks"));
    }

    [Fact]
    public void The_pod_runs_non_root_on_a_read_only_root_with_a_writable_tmp()
    {
        var pod = Path(Kind("Deployment"), "spec", "template", "spec");
        var security = (YamlMappingNode)Container["securityContext"];

        Assert.Equal("true", Scalar(Path(pod, "securityContext"), "runAsNonRoot"));
        Assert.Equal("1654", Scalar(Path(pod, "securityContext"), "runAsUser"));
        Assert.Equal("true", Scalar(security, "readOnlyRootFilesystem"));
        Assert.Equal("false", Scalar(security, "allowPrivilegeEscalation"));
        Assert.Contains(((YamlSequenceNode)Container["volumeMounts"]).Children.Cast<YamlMappingNode>(), m => Scalar(m, "mountPath") == "/tmp");
        Assert.Equal("postgres", Scalar((YamlMappingNode)Kind("ConfigMap")["data"], "Screening__DecisionLog__Provider"));
    }

    private static IEnumerable<(string Name, string? Value)> Environment(YamlMappingNode container) =>
        ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>().Select(e => (Scalar(e, "name")!, e.Children.ContainsKey("value") ? Scalar(e, "value") : null));

    private static YamlMappingNode Path(YamlMappingNode node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => (YamlMappingNode)current[key]);

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value;
}
