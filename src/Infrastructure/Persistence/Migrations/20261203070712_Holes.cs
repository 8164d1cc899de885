using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Holes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "decided_at",
                table: "settlement_activities",
                type: "timestamp with time zone",
                nullable: true
            );

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "settlement_activities",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Payments recorded before pending ones existed all counted: they stay confirmed.
                defaultValue: "Confirmed"
            );

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "settlement_activities",
                type: "integer",
                nullable: false,
                defaultValue: 1
            );

            migrationBuilder.AddColumn<bool>(
                name: "removed",
                table: "memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false
            );

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "revoked_at",
                table: "invites",
                type: "timestamp with time zone",
                nullable: true
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "decided_at", table: "settlement_activities");

            migrationBuilder.DropColumn(name: "status", table: "settlement_activities");

            migrationBuilder.DropColumn(name: "version", table: "settlement_activities");

            migrationBuilder.DropColumn(name: "removed", table: "memberships");

            migrationBuilder.DropColumn(name: "revoked_at", table: "invites");
        }
    }
}
