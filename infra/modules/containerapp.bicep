// Container Apps environment (logs through diagnostic settings to Log Analytics) and the MentorBot container app,
// running as the bot's user-assigned managed identity.

@description('Name of the Container Apps environment.')
param environmentName string

@description('Name of the container app (2-32 lowercase letters, digits and hyphens).')
param appName string

@description('Azure region.')
param location string

@description('Tags applied to the environment and the app.')
param tags object

@description('Resource id of the Log Analytics workspace for diagnostic settings.')
param workspaceId string

@description('Resource id of the bot\'s user-assigned managed identity.')
param identityId string

@description('Client id of the bot\'s user-assigned managed identity (the bot\'s app id).')
param identityClientId string

@description('Principal id of the bot\'s user-assigned managed identity.')
param identityPrincipalId string

@description('Entra tenant id of the bot and of the Graph directory.')
param tenantId string

@description('Full image reference, for example mentorbotacr.azurecr.io/mentorbot:1.0.0.')
param containerImage string

@description('Name of an existing Azure Container Registry in this resource group to pull from with the identity; empty for a public image.')
param containerRegistryName string

@description('vCPU per replica, as a string (for example 0.5).')
param cpu string

@description('Memory per replica (for example 1Gi); must match the CPU size.')
param memory string

@description('Maximum number of replicas.')
param maxReplicas int

@description('Concurrent HTTP requests per replica that trigger a scale-out.')
param concurrentRequestsPerReplica int

@description('Versionless Key Vault URI of the connection string secret.')
param connectionStringSecretUri string

@description('Custom host name the bot is reached on; empty uses the app\'s default FQDN.')
param publicHostName string

@description('Graph:TeamsAppCatalogId (the app\'s id in the org catalog); empty leaves it unset.')
param teamsAppCatalogId string

@description('Graph:UserFilter (OData filter on /users); empty leaves it unset.')
param graphUserFilter string

@description('Application Insights connection string: MentorBot exports its OpenTelemetry there (stored as a container app secret).')
@secure()
param applicationInsightsConnectionString string

var secretName = 'storage-connection-string'

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    // Logs leave the environment through the diagnostic setting below.
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    zoneRedundant: false
  }
}

resource environmentDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: workspaceId
    // Resource-specific tables ContainerAppConsoleLogs and ContainerAppSystemLogs rather than AzureDiagnostics.
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'ContainerAppConsoleLogs'
        enabled: true
      }
      {
        category: 'ContainerAppSystemLogs'
        enabled: true
      }
    ]
  }
}

module registryPull 'acrpull.bicep' = if (!empty(containerRegistryName)) {
  name: 'mentorbot-acrpull'
  params: {
    registryName: containerRegistryName
    principalId: identityPrincipalId
  }
}

// The default FQDN of an app with external ingress is <app name>.<environment default domain>; it is known before
// the app exists, so the bot's endpoint and TeamsApp__Domain need no second pass.
var publicHost = empty(publicHostName) ? '${appName}.${environment.properties.defaultDomain}' : publicHostName

var baseEnv = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  { name: 'Storage__Provider', value: 'Postgres' }
  { name: 'Storage__ConnectionString', secretRef: secretName }
  { name: 'Bot__AppId', value: identityClientId }
  { name: 'Bot__TenantId', value: tenantId }
  { name: 'Bot__ManagedIdentityClientId', value: identityClientId }
  { name: 'Bot__AllowedTenants__0', value: tenantId }
  { name: 'Graph__TenantId', value: tenantId }
  { name: 'Graph__ClientId', value: identityClientId }
  { name: 'Graph__ManagedIdentityClientId', value: identityClientId }
  { name: 'TeamsApp__Domain', value: publicHost }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secretRef: 'appinsights-connection-string' }
]
var catalogEnv = empty(teamsAppCatalogId) ? [] : [
  { name: 'Graph__TeamsAppCatalogId', value: teamsAppCatalogId }
]
var userFilterEnv = empty(graphUserFilter) ? [] : [
  { name: 'Graph__UserFilter', value: graphUserFilter }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: empty(containerRegistryName) ? [] : [
        {
          server: '${toLower(containerRegistryName)}.azurecr.io'
          identity: identityId
        }
      ]
      secrets: [
        {
          name: secretName
          keyVaultUrl: connectionStringSecretUri
          identity: identityId
        }
        {
          name: 'appinsights-connection-string'
          value: applicationInsightsConnectionString
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'mentorbot'
          image: containerImage
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: concat(baseEnv, catalogEnv, userFilterEnv)
          probes: [
            {
              // Migrations run before /healthz turns green; give a cold start up to about two minutes.
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              initialDelaySeconds: 5
              periodSeconds: 10
              timeoutSeconds: 5
              failureThreshold: 10
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 30
              timeoutSeconds: 5
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 10
              timeoutSeconds: 5
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        // At least one replica always runs: Hangfire sends check-ins and digests on its own.
        minReplicas: 1
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequestsPerReplica)
              }
            }
          }
        ]
      }
    }
  }
  dependsOn: [
    registryPull
  ]
}

output name string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
output publicHost string = publicHost
output environmentName string = environment.name
