// The namespaces nearly every use-case file needs: the message and handler contracts, the
// validation rules, the data port and the shared ids. Everything else is imported where used.
global using FluentValidation;
global using Ledger.Application.Common.Auditing;
global using Ledger.Application.Common.Exceptions;
global using Ledger.Application.Common.Interfaces;
global using Ledger.Application.Common.Messaging;
global using Ledger.Application.Common.Security;
global using Ledger.Application.Common.Transitions;
global using Ledger.Domain.Common;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
