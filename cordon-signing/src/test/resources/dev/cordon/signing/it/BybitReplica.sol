// SPDX-License-Identifier: Apache-2.0
// Test contracts for cordon's signing-guard integration test. They reproduce the shape of the
// contracts used against Bybit's Safe on 21 February 2025: a "token" whose transfer(address,uint256)
// writes storage slot 0 (a Safe proxy's master copy) when delegatecalled, and a replacement
// master copy that lets anyone sweep the wallet. Compiled at test time with solc from npm.
pragma solidity 0.8.28;

contract SlotZeroTrojan {
    address private slot0;

    function transfer(address to, uint256) external returns (bool) {
        slot0 = to;
        return true;
    }
}

contract SweepBackdoor {
    function sweepETH(address payable to) external {
        to.transfer(address(this).balance);
    }
}
